import { Command } from 'commander';
import { analyzeFunnelCommand } from '../analyze/analyze-funnel.ts';
import { analyzeItsCommand } from '../analyze/analyze-its.ts';
import { analyzeOutbreakCommand } from '../analyze/analyze-outbreak.ts';
import { analyzeSpcCommand } from '../analyze/analyze-spc.ts';

/** `sankofa analyze`: the statistics engine without a server (DESIGN §6). */
export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('run the statistics engine on a CSV file: spc, outbreak, its, funnel')
    .addCommand(analyzeSpcCommand())
    .addCommand(analyzeOutbreakCommand())
    .addCommand(analyzeItsCommand())
    .addCommand(analyzeFunnelCommand());
}
