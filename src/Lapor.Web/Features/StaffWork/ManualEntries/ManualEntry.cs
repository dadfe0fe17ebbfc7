using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Workflow;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.ManualEntries;

/// <summary>Staff record a report that came by letter, phone, walk-in or social media, keeping its channel and who entered it.</summary>
public static class ManualEntry
{
    public static readonly Channel[] Channels = [Channel.Letter, Channel.Phone, Channel.WalkIn, Channel.SocialMedia, Channel.Sms, Channel.WhatsApp, Channel.Telegram];

    public sealed class Form : ReportFields
    {
        [Display(Name = "Common.Channel")]
        public Channel? Channel { get; set; }
    }

    public sealed class Validator : ReportFieldsValidator<Form>
    {
        public Validator(IStringLocalizer<StaffWorkResource> t, TimeProvider clock)
            : base(t, clock)
        {
            RuleFor(f => f.Channel)
                .NotNull().WithMessage(_ => t["Validation.Required", t["Common.Channel"]])
                .Must(c => c is null || Channels.Contains(c.Value)).WithMessage(_ => t["Validation.UnknownChoice"]);

            // A report that came by SMS or WhatsApp is answered at the sender's number: one that is no number would be lost silently.
            RuleFor(f => f.ReporterPhone)
                .Must(phone => PhoneNumber.Canonical(phone) is not null)
                .When(f => f.Channel is { } channel && ReplyChannelOf(channel) is not null && !string.IsNullOrWhiteSpace(f.ReporterPhone))
                .WithMessage(_ => t["Validation.ChannelPhone"]);
        }
    }

    /// <summary>
    /// Where a reporter who came by SMS or WhatsApp hears back: that channel, at their number in E.164 — the very
    /// address the channel's conversation matches later messages on, so the reporter's next message from that number
    /// joins this report instead of filing another. None for other channels (staff do not know a Telegram chat id)
    /// or without a number that is a phone number.
    /// </summary>
    public static (NotificationChannel Channel, string Address)? ReplyAddress(Channel channel, string? phone) =>
        ReplyChannelOf(channel) is { } replyChannel && PhoneNumber.Canonical(phone) is { } number ? (replyChannel, number) : null;

    private static NotificationChannel? ReplyChannelOf(Channel channel) => channel switch
    {
        Channel.Sms => NotificationChannel.Sms,
        Channel.WhatsApp => NotificationChannel.WhatsApp,
        _ => null,
    };

    public sealed class Handler(ReportFiling filing)
    {
        // The citizen has no account here: they get an access code, which staff pass on by phone or letter.
        // One who came by SMS or WhatsApp also hears every step there, as if they had written to the gateway.
        public Task<ReportFiling.Result> HandleAsync(Form form, string staffUserId, ActorRole role, CancellationToken cancellationToken) =>
            filing.FileAsync(
                new ReportFiling.Filing(form.ToDraft(), new Actor(staffUserId, role), form.Channel!.Value, form.SubmissionToken, GiveAccessCode: true,
                    form.ReporterName, form.ReporterEmail, form.ReporterPhone, form.Attachments)
                {
                    Reply = ReplyAddress(form.Channel!.Value, form.ReporterPhone),
                },
                cancellationToken);
    }

    public sealed record Page(Form Form, FormOptions.View Options);
}
