using System.CommandLine;
using System.CommandLine.Invocation;

namespace Faktum.Factuur;

/// <summary>
/// The command line in the chosen language: the help (<c>--help</c>) and the parse errors are written from the sample's
/// texts, so Dutch mode is Dutch from the first line. System.CommandLine's own words are English only.
/// </summary>
internal static class LocalizedCommandLine
{
    /// <summary>The language asked for on the command line (<c>--lang en</c>, <c>--lang=en</c>), before parsing.</summary>
    public static string Language(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal))
            {
                return args[i][7..];
            }
        }

        return "nl";
    }

    /// <summary>Gives every command and option its description in <paramref name="texts"/>' language, and the help its words.</summary>
    public static void Apply(RootCommand root, Texts.Texts texts)
    {
        foreach (var command in new[] { (Command)root }.Concat(root.Subcommands))
        {
            command.Description = texts.CommandLineHelp(command == root ? string.Empty : command.Name) ?? command.Description;
            foreach (var option in command.Options)
            {
                option.Description = texts.CommandLineHelp(option.Name) ?? option.Description;
                if (option is System.CommandLine.Help.HelpOption help)
                {
                    help.Action = new LocalizedHelpAction(root, texts);
                }
            }
        }
    }

    /// <summary>Writes the parse errors in the chosen language; returns false when there are none.</summary>
    public static bool ReportErrors(ParseResult parse, Texts.Texts texts)
    {
        if (parse.Errors.Count == 0)
        {
            return false;
        }

        var lines = new List<string>();
        lines.AddRange(parse.UnmatchedTokens.Select(texts.UnknownToken));
        var command = parse.CommandResult.Command;
        var refused = parse.Errors.Select(e => e.SymbolResult).OfType<System.CommandLine.Parsing.OptionResult>().DistinctBy(r => r.Option.Name).ToList();
        lines.AddRange(command.Options.Where(o => o.Required && parse.GetResult(o) is null).Select(o => texts.MissingOption(o.Name)));
        lines.AddRange(refused.Select(r => r.Option.Required && r.Tokens.Count == 0 && r.IdentifierToken is null ? texts.MissingOption(r.Option.Name) : texts.BadOptionValue(r.Option.Name)));
        if (lines.Count == 0)
        {
            lines.Add(texts.BadCommandLine);
        }

        foreach (var line in lines)
        {
            Console.Error.WriteLine($"{texts.Error}: {line}");
        }

        Console.Error.WriteLine(texts.SeeHelp);
        return true;
    }

    private sealed class LocalizedHelpAction(RootCommand root, Texts.Texts texts) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            var options = command.Options.Concat(command == root ? [] : root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).ToList();
            var output = Console.Out;
            output.WriteLine(texts.HelpDescription);
            output.WriteLine($"  {command.Description}");
            output.WriteLine();
            output.WriteLine(texts.HelpUsage);
            output.WriteLine(command == root ? $"  {root.Name} {texts.HelpUsageLine}" : $"  {root.Name} {command.Name} {texts.HelpUsageOptions}");
            output.WriteLine();
            output.WriteLine(texts.HelpOptions);
            var rows = options.Select(o => (Name: string.Join(", ", new[] { o.Name }.Concat(o.Aliases.Where(a => a.StartsWith('-')))) + (o.Arity.MaximumNumberOfValues == 0 || o.ValueType == typeof(bool) ? string.Empty : $" <{o.Name.TrimStart('-')}>"), o.Description ?? string.Empty)).ToList();
            var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => (Name: c.Name, c.Description ?? string.Empty)).ToList();
            var width = rows.Concat(commands).Max(r => r.Name.Length) + 2;
            foreach (var (name, description) in rows)
            {
                output.WriteLine($"  {name.PadRight(width)}{description}");
            }

            if (commands.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(texts.HelpCommands);
                foreach (var (name, description) in commands)
                {
                    output.WriteLine($"  {name.PadRight(width)}{description}");
                }
            }

            return 0;
        }
    }
}
