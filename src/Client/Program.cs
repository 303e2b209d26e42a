using NetOrleans.Client.Cli;
using NetOrleans.Client.Commands;

using var ctrlC = CtrlC.OfThisProcess();
var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
var context = new CommandContext(Console.Out, Console.Error, interactive, ctrlC, CanAsk: interactive && !Console.IsInputRedirected);
return await Cli.Run(args, context, Console.Error);
