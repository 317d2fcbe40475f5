import { ScrollArea, Stack } from '@mantine/core';
import { useState } from 'react';
import { useDashboardParams } from '../navigation/use-dashboard-params.ts';
import { OrgUnitSearch } from './OrgUnitSearch.tsx';
import { OrgUnitTree } from './OrgUnitTree.tsx';
import { useOrgUnitTreeRows } from './use-org-unit-tree-rows.ts';

export interface OrgUnitNavigatorProps {
  /** Called after a unit is chosen, e.g. to close the navbar on a phone. */
  readonly onSelected?: () => void;
}

/** The navbar: search and tree; choosing a unit puts it in the URL (`?ou=`). */
export function OrgUnitNavigator({ onSelected }: OrgUnitNavigatorProps) {
  const { ou, setOu } = useDashboardParams();
  const treeState = useOrgUnitTreeRows(ou);
  const [text, setText] = useState('');
  const select = (id: string) => {
    treeState.pinOpenAncestors();
    setOu(id);
    onSelected?.();
  };
  return (
    <Stack gap="sm" h="100%">
      <OrgUnitSearch text={text} onTextChange={setText} onSelect={select} />
      {text.trim().length < 2 && (
        <ScrollArea.Autosize mah="calc(100vh - 180px)" type="auto" offsetScrollbars>
          <OrgUnitTree state={treeState} selectedId={ou} onSelect={select} />
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
