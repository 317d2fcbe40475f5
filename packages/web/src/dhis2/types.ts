/** The `/api/dhis2` contract, from the TypeBox schemas the server publishes (core/contract). */
import type { Dhis2ConnectionResponse } from '@sankofa/core';

export type {
  Dhis2ConnectionBody,
  Dhis2ConnectionResponse,
  Dhis2ConnectionTestResponse,
  Dhis2Run,
  Dhis2RunListResponse,
  Dhis2Schedule,
} from '@sankofa/core';

/** A saved connection as the server answers it. */
export type Dhis2Connection = NonNullable<Dhis2ConnectionResponse['connection']>;
