import { Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ChevronDownIcon, ChevronRightIcon } from '../components/icons.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import classes from './OrgUnitTree.module.css';
import { keyAction, type TreeRow } from './tree-model.ts';
import type { OrgUnitTreeRows } from './use-org-unit-tree-rows.ts';

export interface OrgUnitTreeProps {
  readonly state: OrgUnitTreeRows;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

/**
 * The org-unit hierarchy as an ARIA tree: one tab stop, arrows to move, → and ← to open and
 * close, Enter or Space to show a unit. Children load when a unit is opened.
 */
export function OrgUnitTree({ state, selectedId, onSelect }: OrgUnitTreeProps) {
  const { t } = useTranslation();
  const { tree, rows, failed, setExpanded } = state;
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  const has = (id: string | null) => id !== null && rows.some((row) => row.unit.id === id);
  const tabStop = has(focusedId)
    ? focusedId
    : has(selectedId)
      ? selectedId
      : (rows[0]?.unit.id ?? null);
  const selectedVisible = has(selectedId);

  useEffect(() => {
    if (selectedId !== null && selectedVisible) {
      items.current.get(selectedId)?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [selectedId, selectedVisible]);

  if (tree.isPending) {
    return <PageLoader />;
  }
  if (tree.error) {
    return <ErrorNotice error={tree.error} onRetry={() => void tree.refetch()} />;
  }
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="org-unit-tree-empty">
        {t('No org units are assigned to you. Ask your administrator for access.')}
      </Text>
    );
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLLIElement>, row: TreeRow) => {
    const action = keyAction(rows, row.unit.id, event.key);
    if (action.type === 'none') {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    switch (action.type) {
      case 'focus':
        setFocusedId(action.id);
        items.current.get(action.id)?.focus();
        break;
      case 'expand':
        setExpanded(action.id, true);
        break;
      case 'collapse':
        setExpanded(action.id, false);
        break;
      case 'select':
        onSelect(action.id);
        break;
    }
  };

  const handleToggle = (event: MouseEvent, row: TreeRow) => {
    event.stopPropagation();
    setExpanded(row.unit.id, !row.expanded);
  };

  return (
    <ul
      role="tree"
      aria-label={t('Org units')}
      className={classes.tree}
      data-testid="org-unit-tree"
    >
      {rows.map((row) => {
        const id = row.unit.id;
        const problem = failed.get(id);
        return [
          <li
            key={id}
            ref={(element) => {
              if (element) {
                items.current.set(id, element);
              } else {
                items.current.delete(id);
              }
            }}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={row.unit.childCount > 0 ? row.expanded : undefined}
            aria-selected={id === selectedId}
            aria-busy={row.loading && !problem ? true : undefined}
            tabIndex={id === tabStop ? 0 : -1}
            className={classes.item}
            style={{ paddingLeft: 4 + (row.level - 1) * 16 }}
            data-testid={`org-unit-node-${id}`}
            onClick={() => onSelect(id)}
            onFocus={() => setFocusedId(id)}
            onKeyDown={(event) => handleKeyDown(event, row)}
          >
            <span
              className={classes.toggle}
              aria-hidden="true"
              data-testid={`org-unit-toggle-${id}`}
              onClick={row.unit.childCount > 0 ? (event) => handleToggle(event, row) : undefined}
            >
              {row.loading && !problem ? (
                <Loader size={12} />
              ) : row.unit.childCount === 0 ? null : row.expanded ? (
                <ChevronDownIcon size={14} />
              ) : (
                <ChevronRightIcon size={14} />
              )}
            </span>
            <span className={classes.name} title={row.unit.name}>
              {row.unit.name}
            </span>
          </li>,
          problem && (
            <li key={`${id}-problem`} role="none" className={classes.problem}>
              <Group gap="xs" pl={(row.level - 1) * 16 + 24}>
                <Text size="xs" c="red.8">
                  {t('Could not load the units under {{name}}.', { name: row.unit.name })}
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={problem.retry}>
                  {t('Try again')}
                </Button>
              </Group>
            </li>
          ),
        ];
      })}
    </ul>
  );
}
