import { Command } from 'commander';
import { analyzeFunnelCommand } from '../analyze/analyze-funnel.ts';
import { analyzeItsCommand } from '../analyze/analyze-its.ts';
import { analyzeOutbreakCommand } from '../analyze/analyze-outbreak.ts';
import { analyzeSpcCommand } from '../analyze/analyze-spc.ts';
import { processIo, type CliIo } from '../cli-io.ts';

/** `sankofa analyze`: the statistics engine without a server (DESIGN §6). */
export function analyzeCommand(io: CliIo = processIo()): Command {
  return new Command('analyze')
    .description('run the statistics engine on a CSV file: spc, outbreak, its, funnel')
    .addCommand(analyzeSpcCommand(io))
    .addCommand(analyzeOutbreakCommand(io))
    .addCommand(analyzeItsCommand(io))
    .addCommand(analyzeFunnelCommand(io));
}
