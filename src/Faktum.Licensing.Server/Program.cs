using Faktum.Licensing.Server.Cli;

return await ServerCommandLine.InvokeAsync(args).ConfigureAwait(false);
