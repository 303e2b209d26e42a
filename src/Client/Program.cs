using NetOrleans.Client.Cli;
using NetOrleans.Client.Commands;

var context = new CommandContext(Console.Out, Console.Error, Interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
return await Cli.Run(args, context, Console.Error);
