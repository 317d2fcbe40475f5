/** Types of postgres-cluster.mjs, for the TypeScript benchmarks. */
export interface PostgresCluster {
  readonly url: string;
  readonly port: number;
  stop(): void;
}

export function findPostgresBin(): string | undefined;

export function startPostgresCluster(options: {
  readonly bin: string;
  readonly durable?: boolean;
}): Promise<PostgresCluster>;
