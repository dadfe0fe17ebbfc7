using System.Text.RegularExpressions;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// What a channel message asks for, read from its first word (any case, a colon or a space after it):
/// <list type="bullet">
/// <item><c>CEK LPR-XXXX-XXXX</c> (or <c>CHECK</c>, <c>STATUS LPR-…</c>): the status of that report, if this sender filed it.</item>
/// <item><c>STATUS</c> (or <c>CEK</c> alone): the sender's open reports.</item>
/// <item><c>BARU …</c>, <c>LAPOR …</c> (or <c>NEW …</c>): a new report with the rest of the text, even when one is open.</item>
/// <item><c>BANTUAN</c>, <c>HELP</c>, or a keyword with nothing after it: how to use the channel.</item>
/// <item>anything else: a message — a follow-up on the sender's open report, or a new report when none is open.</item>
/// </list>
/// Telegram users type the same words as bot commands (https://core.telegram.org/bots/features#commands):
/// <c>/status</c>, <c>/cek LPR-…</c>, <c>/status@LaporBot</c> as a group writes it. <c>/start</c> is every new
/// user's first message (<see cref="Welcome"/>), <c>/start LPR-XXXX-XXXX</c> a deep link to a report's status,
/// and a command Lapor does not know answers how it works: a command never files a report unless it is <c>/baru …</c>.
/// </summary>
public abstract partial record ConversationCommand
{
    private static readonly string[] CheckWords = ["CEK", "CHECK"];
    private static readonly string[] NewWords = ["BARU", "LAPOR", "NEW"];
    private static readonly string[] HelpWords = ["BANTUAN", "HELP", "INFO"];

    /// <summary>The status of one report; <see cref="TrackingNumber"/> is null when what was typed is no tracking number.</summary>
    public sealed record Check(string? TrackingNumber, string Typed) : ConversationCommand;

    public sealed record Status : ConversationCommand;

    public sealed record NewReport(string Text) : ConversationCommand;

    public sealed record Help : ConversationCommand;

    /// <summary>A greeting with how it works: Telegram's <c>/start</c>.</summary>
    public sealed record Welcome : ConversationCommand;

    public sealed record Message(string Text) : ConversationCommand;

    public static ConversationCommand Parse(string text)
    {
        var trimmed = text.Trim();
        return BotCommand().Match(trimmed) is { Success: true } command
            ? FromBotCommand(command.Groups["command"].Value.ToUpperInvariant(), command.Groups["rest"].Value.Trim())
            : FromWords(trimmed);
    }

    private static ConversationCommand FromBotCommand(string command, string rest)
    {
        if (command == "START")
        {
            // A deep link (t.me/LaporBot?start=LPR-ABCD-EFGH) carries its payload after /start; any other payload just greets.
            return TrackingNumber.Normalize(rest) is { } number ? new Check(number, Clip(rest)) : new Welcome();
        }

        var known = command == "STATUS" || CheckWords.Contains(command) || NewWords.Contains(command) || HelpWords.Contains(command);
        return known && FromWords(rest.Length > 0 ? $"{command} {rest}" : command) is var parsed and not Message ? parsed : new Help();
    }

    private static ConversationCommand FromWords(string trimmed)
    {
        var end = trimmed.IndexOfAny([' ', '\t', '\r', '\n', ':', ',', '.', '!', '?']);
        var word = (end < 0 ? trimmed : trimmed[..end]).ToUpperInvariant();
        var rest = end < 0 ? "" : trimmed[end..].TrimStart(' ', '\t', '\r', '\n', ':', ',', '.', '!', '?', '-').TrimEnd();
        var restIsEmpty = rest.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c));

        if (CheckWords.Contains(word))
        {
            return restIsEmpty ? new Status() : new Check(TrackingNumber.Normalize(rest), Clip(rest));
        }

        if (word == "STATUS")
        {
            // "Status jalan rusak…" is a message that happens to start with the word; "STATUS LPR-…" is a check.
            return restIsEmpty ? new Status() : TrackingNumber.Normalize(rest) is { } number ? new Check(number, Clip(rest)) : new Message(trimmed);
        }

        if (NewWords.Contains(word))
        {
            return restIsEmpty ? new Help() : new NewReport(rest);
        }

        return HelpWords.Contains(word) && restIsEmpty ? new Help() : new Message(trimmed);
    }

    /// <summary>"/command", a bot's name after "@" (commands in groups), then what was typed after it.</summary>
    [GeneratedRegex(@"^/(?<command>[A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(?<rest>[\s\S]*))?$")]
    private static partial Regex BotCommand();

    /// <summary>What was typed after CEK, as the "not found" answer repeats it: short, so a long text is not sent back whole.</summary>
    private static string Clip(string typed) => typed.Length <= 20 ? typed : typed[..20];
}
