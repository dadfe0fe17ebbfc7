using System.Text.RegularExpressions;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// What a channel message asks for, read from its first word (any case, a colon or a space after it):
/// <list type="bullet">
/// <item><c>CEK LPR-XXXX-XXXX</c> (or <c>CHECK</c>, <c>STATUS LPR-…</c>): the status of that report, if this sender filed it.</item>
/// <item><c>STATUS</c> (or <c>CEK</c> alone): the sender's open reports.</item>
/// <item><c>BARU …</c>, <c>LAPOR …</c> (or <c>NEW …</c>): a new report with the rest of the text, even when one is open.</item>
/// <item><c>RAHASIA …</c> (<c>CONFIDENTIAL</c>) and <c>ANONIM …</c> (<c>ANONYMOUS</c>), alone or together and with
/// <c>BARU</c> in any order: a new report, confidential and/or anonymous; followed by a tracking number alone
/// (<c>RAHASIA LPR-…</c>) they make that report more private (<see cref="Protect"/>).</item>
/// <item><c>PUAS</c> (<c>SETUJU</c>, <c>SATISFIED</c>) and <c>BELUM PUAS alasan</c> (<c>TIDAK PUAS</c>, <c>NOT SATISFIED</c>…):
/// the reporter's decision on a final response (<see cref="Verdict"/>), optionally naming the report after the keyword.</item>
/// <item><c>LPR-XXXX-XXXX …</c>: the rest (a message, a decision) aimed at that report; the number alone checks it.</item>
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
    private static readonly string[] ConfidentialWords = ["RAHASIA", "CONFIDENTIAL"];

    // Spelled as people type it: a misspelled ANONIM must not file a named report, so the usual variants all count.
    private static readonly string[] AnonymousWords = ["ANONIM", "ANONYM", "ANONIMUS", "ANONYMOUS", "ANON"];
    private static readonly string[] SatisfiedWords = ["PUAS", "SETUJU", "SATISFIED"];
    private static readonly string[] NotWords = ["BELUM", "BLM", "TIDAK", "TDK", "GAK", "NGGAK", "KURANG", "NOT"];
    private static readonly string[] DissatisfiedWords = ["DISSATISFIED", "UNSATISFIED"];
    private static readonly System.Buffers.SearchValues<char> WordEnds = System.Buffers.SearchValues.Create(" \t\r\n:,.!?");

    /// <summary>The status of one report; <see cref="TrackingNumber"/> is null when what was typed is no tracking number.</summary>
    public sealed record Check(string? TrackingNumber, string Typed) : ConversationCommand;

    public sealed record Status : ConversationCommand;

    /// <summary>A new report; the flags only ever add privacy.</summary>
    public sealed record NewReport(string Text) : ConversationCommand
    {
        public bool IsAnonymous { get; init; }

        public bool IsConfidential { get; init; }
    }

    /// <summary>Make the sender's report more private (never less): confidential and/or anonymous.</summary>
    public sealed record Protect(string TrackingNumber, bool Anonymous, bool Confidential) : ConversationCommand;

    /// <summary>
    /// The reporter's decision on a final response: satisfied, or not with <see cref="Reason"/> (empty when none
    /// was given). <see cref="Text"/> is the whole message, which is just a message when no decision waits
    /// ("Tidak puas dengan pelayanan…" is how many complaints begin).
    /// </summary>
    public sealed record Verdict(bool Satisfied, string Reason, string Text) : ConversationCommand
    {
        /// <summary>The report named after the keyword or before it; null for "the one that waits".</summary>
        public string? TrackingNumber { get; init; }
    }

    public sealed record Help : ConversationCommand;

    /// <summary>A greeting with how it works: Telegram's <c>/start</c>.</summary>
    public sealed record Welcome : ConversationCommand;

    public sealed record Message(string Text) : ConversationCommand
    {
        /// <summary>The report the message starts with (<c>LPR-… text</c>); null for the sender's newest open report.</summary>
        public string? TrackingNumber { get; init; }
    }

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

        var known = command == "STATUS" || CheckWords.Contains(command) || NewWords.Contains(command) || HelpWords.Contains(command)
            || SatisfiedWords.Contains(command) || ConfidentialWords.Contains(command) || AnonymousWords.Contains(command);
        return known && FromWords(rest.Length > 0 ? $"{command} {rest}" : command) is var parsed and not Message ? parsed : new Help();
    }

    private static ConversationCommand FromWords(string trimmed)
    {
        if (LeadingNumber(trimmed) is ({ } target, var after))
        {
            return Aimed(target, after);
        }

        var (word, rest) = FirstWord(trimmed);
        var restIsEmpty = IsEmpty(rest);

        if (CheckWords.Contains(word))
        {
            return restIsEmpty ? new Status() : new Check(TrackingNumber.Normalize(rest), Clip(rest));
        }

        if (word == "STATUS")
        {
            // "Status jalan rusak…" is a message that happens to start with the word; "STATUS LPR-…" is a check.
            return restIsEmpty ? new Status() : TrackingNumber.Normalize(rest) is { } number ? new Check(number, Clip(rest)) : new Message(trimmed);
        }

        if (NewWords.Contains(word) || ConfidentialWords.Contains(word) || AnonymousWords.Contains(word))
        {
            return Filing(trimmed);
        }

        if (VerdictOf(trimmed) is { } verdict)
        {
            return verdict;
        }

        return HelpWords.Contains(word) && restIsEmpty ? new Help() : new Message(trimmed);
    }

    /// <summary>BARU, RAHASIA and ANONIM in any order before the text; the privacy words before a tracking number alone protect that report.</summary>
    private static ConversationCommand Filing(string trimmed)
    {
        var (anonymous, confidential, rest) = (false, false, trimmed);
        while (rest.Length > 0)
        {
            var (word, after) = FirstWord(rest);
            if (ConfidentialWords.Contains(word))
            {
                confidential = true;
            }
            else if (AnonymousWords.Contains(word))
            {
                anonymous = true;
            }
            else if (!NewWords.Contains(word))
            {
                break;
            }

            rest = after;
        }

        if (IsEmpty(rest))
        {
            return new Help();
        }

        if ((anonymous || confidential) && TrackingNumber.Normalize(rest) is { } number && LeadingNumber(rest) is (_, var tail) && IsEmpty(tail))
        {
            return new Protect(number, anonymous, confidential);
        }

        return new NewReport(rest) { IsAnonymous = anonymous, IsConfidential = confidential };
    }

    /// <summary>PUAS [LPR-…] [anything], or BELUM/TIDAK PUAS [LPR-…] reason; null when the message is no decision.</summary>
    private static Verdict? VerdictOf(string trimmed)
    {
        var (word, rest) = FirstWord(trimmed);
        bool satisfied;
        if (SatisfiedWords.Contains(word))
        {
            satisfied = true;
        }
        else if (DissatisfiedWords.Contains(word))
        {
            satisfied = false;
        }
        else if (NotWords.Contains(word) && FirstWord(rest) is var (second, afterSecond) && SatisfiedWords.Contains(second))
        {
            (satisfied, rest) = (false, afterSecond);
        }
        else
        {
            return null;
        }

        var (number, reason) = LeadingNumber(rest) is ({ } named, var after) ? (named, after) : (null, rest);
        return new Verdict(satisfied, IsEmpty(reason) ? "" : reason, trimmed) { TrackingNumber = number };
    }

    /// <summary>What follows a tracking number at the start: a decision or a message for that report, or (nothing, CEK, STATUS) its status.</summary>
    private static ConversationCommand Aimed(string number, string rest)
    {
        if (IsEmpty(rest))
        {
            return new Check(number, number);
        }

        return FromWords(rest) switch
        {
            Verdict verdict => verdict with { TrackingNumber = verdict.TrackingNumber ?? number },
            Status or Check => new Check(number, number),
            Protect protect => protect,
            NewReport { IsAnonymous: false, IsConfidential: false } or Help or Welcome => new Message(rest) { TrackingNumber = number },
            NewReport fresh => fresh,
            Message message => message with { TrackingNumber = message.TrackingNumber ?? number },
            var other => other,
        };
    }

    /// <summary>A tracking number (with "LPR", spelled as CEK takes it) that starts the text, and what follows it.</summary>
    private static (string? Number, string After) LeadingNumber(string text)
    {
        var match = LeadingTrackingNumber().Match(text);
        return match.Success && TrackingNumber.Normalize(match.Value) is { } number
            ? (number, text[match.Length..].TrimStart(' ', '\t', '\r', '\n', ':', ',', '.', '!', '?', '-').TrimEnd())
            : (null, text);
    }

    /// <summary>The first word in capitals, and the rest without the punctuation that separated them.</summary>
    private static (string Word, string After) FirstWord(string text)
    {
        var end = text.IndexOfAny(WordEnds);
        var word = (end < 0 ? text : text[..end]).ToUpperInvariant();
        var rest = end < 0 ? "" : text[end..].TrimStart(' ', '\t', '\r', '\n', ':', ',', '.', '!', '?', '-').TrimEnd();
        return (word, rest);
    }

    private static bool IsEmpty(string rest) => rest.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c));

    /// <summary>"LPR", then the eight symbols in two fours, with spaces or dashes anywhere between, ending at a word's end.</summary>
    [GeneratedRegex(@"^LPR[\s-]*[A-Za-z0-9]{4}[\s-]*[A-Za-z0-9]{4}(?=$|[\s:,.!?])", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTrackingNumber();

    /// <summary>"/command", a bot's name after "@" (commands in groups), then what was typed after it.</summary>
    [GeneratedRegex(@"^/(?<command>[A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(?<rest>[\s\S]*))?$")]
    private static partial Regex BotCommand();

    /// <summary>What was typed after CEK, as the "not found" answer repeats it: short, so a long text is not sent back whole.</summary>
    private static string Clip(string typed) => typed.Length <= 20 ? typed : typed[..20];
}
