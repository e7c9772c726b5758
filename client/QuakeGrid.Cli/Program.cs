using QuakeGrid.Cli;

return await QuakeGridApp.RunAsync(args, Console.Out, Console.Error);
