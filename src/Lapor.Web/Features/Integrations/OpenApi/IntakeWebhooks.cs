using Lapor.Web.Features.Integrations.Intake;
using Microsoft.OpenApi;
using static Lapor.Web.Features.Integrations.OpenApi.Schemas;

namespace Lapor.Web.Features.Integrations.OpenApi;

/// <summary>
/// The intake webhooks as <see cref="IntakeController"/> reads them. Its POST actions bind nothing (signatures
/// need the raw body), so ASP.NET Core sees no body or header: they are written here, each body with only the
/// fields Lapor reads, named as the platform names them (the platforms send more, which Lapor ignores).
/// Signatures computed per call (<c>X-Lapor-Signature</c>, <c>X-Hub-Signature-256</c>) are header parameters a
/// generated client passes with each call; fixed shared secrets (Telegram's, a form gateway's token) are
/// security schemes a client configures once.
/// </summary>
internal static class IntakeWebhooks
{
    public const string TelegramSecret = "telegram_secret_token";
    public const string SmsFormToken = "sms_form_token";
    public const string SmsFormTokenInQuery = "sms_form_token_query";

    private const string GatewayMessage = "GatewayMessage";
    private const string SmsFormCallback = "SmsFormCallback";
    private const string WhatsAppNotification = "WhatsAppNotification";
    private const string TelegramUpdate = "TelegramUpdate";

    private const string Limits = "The body may be at most 64 KiB; a message's text at most 5,000 characters.";

    public static void AddComponents(OpenApiDocument document, IntakeOptions intake)
    {
        var schemes = document.Components!.SecuritySchemes!;
        schemes[TelegramSecret] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Telegram-Bot-Api-Secret-Token",
            Description = "The secret_token given to Telegram's setWebhook (Intake:TelegramSecretToken); Telegram sends it with every update.",
        };
        schemes[SmsFormToken] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = intake.SmsForm.TokenHeader,
            Description = "A form-posting SMS gateway's shared token (Intake:SmsForm:Token), in the header Intake:SmsForm:TokenHeader names.",
        };
        if (!string.IsNullOrEmpty(intake.SmsForm.TokenQueryParameter))
        {
            schemes[SmsFormTokenInQuery] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = intake.SmsForm.TokenQueryParameter,
                Description = "The same token in the callback address, for gateways that cannot add a header (read only when the header is absent).",
            };
        }

        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (schemas.TryGetValue(nameof(IntakeController.Receipt), out var receipt) && receipt is OpenApiSchema answer)
        {
            answer.Description = "What became of the message: tracking_number is the report it filed or went to, null when it changed no report.";
        }

        schemas[GatewayMessage] = Object(
            "One incoming message in Lapor's own JSON, posted by an SMS gateway or a WhatsApp relay and signed with X-Lapor-Signature. " +
            "A message id seen before files nothing again.",
            new()
            {
                ["message_id"] = Text("The gateway's own id of the message (1–100 characters).", 100),
                ["from"] = Text("The sender's number in international form, e.g. +6281234567890; replies go there.", 30),
                ["name"] = Text("The sender's name when the platform knows it (kept up to 150 characters)."),
                ["text"] = Text("The message (not blank).", 5000),
            },
            "message_id", "from", "text");

        var form = intake.SmsForm;
        var fields = new Dictionary<string, IOpenApiSchema>
        {
            [form.FromField] = Text("The sender's number (Intake:SmsForm:FromField).", 30),
            [form.TextField] = Text("The message, not blank (Intake:SmsForm:TextField).", 5000),
            [form.MessageIdField] = Text("The gateway's id of the message (Intake:SmsForm:MessageIdField); a repeated id files once.", 100),
        };
        if (!string.IsNullOrEmpty(form.NameField))
        {
            fields[form.NameField] = Text("The sender's name (Intake:SmsForm:NameField).");
        }

        schemas[SmsFormCallback] = Object(
            "An SMS gateway's form callback, read in the charset its Content-Type names (UTF-8 when none; an unknown charset answers 415). The field names are this server's Intake:SmsForm settings; each field must appear once.",
            fields, form.FromField, form.TextField, form.MessageIdField);

        var media = Object("An image or document; Lapor fetches it through the Graph API. Only JPEG, PNG and PDF are kept.", new()
        {
            ["id"] = Text("The media id."),
            ["mime_type"] = Text("Its type, e.g. image/jpeg."),
            ["caption"] = Text("The text sent with it, which becomes the report's text."),
        });
        var document_ = Object("A document; as an image, with its file name.", new()
        {
            ["id"] = Text("The media id."),
            ["mime_type"] = Text("Its type: application/pdf, image/jpeg or image/png are kept."),
            ["caption"] = Text("The text sent with it."),
            ["filename"] = Text("The file's name."),
        });
        var reply = Object("The option the reporter tapped.", new()
        {
            ["id"] = Text("The option's id (not used)."),
            ["title"] = Text("The title the reporter saw, taken as the message's text."),
        });
        var message = Object(
            "One message. text, image, document, location, interactive and button messages are taken; audio, video, sticker, contacts and unsupported ones are answered " +
            "on WhatsApp with the kinds that are taken (ConversationRefused) and file nothing; reactions and the rest are acknowledged and dropped.", new()
        {
            ["from"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{1,20}$", Description = "The sender's WhatsApp id: the number in international form without \"+\"." },
            ["id"] = Text("The message id (wamid.…): a repeated id files once.", 100),
            ["type"] = Text("text, image, document, location, interactive or button (taken); audio, video, sticker, contacts, unsupported (answered); reaction and the rest (dropped)."),
            ["text"] = Object("A text message.", new() { ["body"] = Text("The message.", 5000) }),
            ["image"] = media,
            ["document"] = document_,
            ["location"] = Object("A shared place: a new report's location, or information on the sender's open report.", new()
            {
                ["latitude"] = Number("Latitude in degrees (kept to six decimals; public pages round it).", -90, 90),
                ["longitude"] = Number("Longitude in degrees.", -180, 180),
                ["name"] = Text("The place's name, for a saved place."),
                ["address"] = Text("The place's address, for a saved place."),
            }, "latitude", "longitude"),
            ["interactive"] = Object("A reply to an interactive message.", new()
            {
                ["type"] = Text("button_reply or list_reply."),
                ["button_reply"] = reply,
                ["list_reply"] = reply,
            }),
            ["button"] = Object("A template's quick-reply button.", new()
            {
                ["payload"] = Text("The button's payload (not used)."),
                ["text"] = Text("The button's text, taken as the message's text."),
            }),
        }, "from", "id", "type");
        schemas[WhatsAppNotification] = Object(
            "A WhatsApp Cloud API webhook notification (the messages field), signed by Meta with X-Hub-Signature-256.",
            new()
            {
                ["object"] = OneOf("Always whatsapp_business_account; anything else answers 400.", "whatsapp_business_account"),
                ["entry"] = ListOf("The notification's entries.", Object("One entry.", new()
                {
                    ["changes"] = ListOf("Its changes.", Object("One change.", new()
                    {
                        ["value"] = Object("The change: the reporters' messages and who sent them (statuses of what Lapor sent are ignored).", new()
                        {
                            ["contacts"] = ListOf("The senders' profiles.", Object("A sender.", new()
                            {
                                ["wa_id"] = Text("The sender's WhatsApp id."),
                                ["profile"] = Object("The sender's profile.", new() { ["name"] = Text("The profile name, kept as the reporter's name.") }),
                            })),
                            ["messages"] = ListOf("The messages.", message),
                        }),
                    })),
                })),
            },
            "object");

        var chat = Object("The chat; only a private (one-to-one) chat with the bot is a reporter.", new()
        {
            ["id"] = Integer("The chat id; replies go there."),
            ["type"] = Text("private (filed); group, supergroup and channel are not."),
        }, "id", "type");
        schemas[TelegramUpdate] = Object(
            "The parts of a Telegram Bot API Update (https://core.telegram.org/bots/api#update) Lapor reads. An update without such a message is acknowledged (200) and dropped.",
            new()
            {
                ["message"] = Object(
                    "A new message. Text, a photo, a document (JPEG, PNG or PDF) or a location is taken; a command such as /start is answered; a voice note, audio, video, " +
                    "video note, animation, sticker, contact or other document without a caption is answered with the kinds that are taken.", new()
                {
                    ["message_id"] = Integer("The message id within the chat: the same message delivered twice files once."),
                    ["from"] = Object("The sender.", new()
                    {
                        ["first_name"] = Text("First name, kept as the reporter's name with the last name."),
                        ["last_name"] = Text("Last name."),
                    }),
                    ["chat"] = chat,
                    ["text"] = Text("The text of a text message.", 5000),
                    ["caption"] = Text("The text sent with a photo or document.", 5000),
                    ["photo"] = ListOf("The same photo in several sizes; the largest is fetched.", Object("One size.", new()
                    {
                        ["file_id"] = Text("The file id, fetched with getFile."),
                        ["width"] = Integer("Width in pixels.", "int32"),
                        ["height"] = Integer("Height in pixels.", "int32"),
                    })),
                    ["document"] = Object("A document.", new()
                    {
                        ["file_id"] = Text("The file id, fetched with getFile."),
                        ["file_name"] = Text("The file's name."),
                        ["mime_type"] = Text("Its type: application/pdf, image/jpeg or image/png are fetched."),
                    }),
                    ["location"] = Object("A shared point: a new report's location, or information on the sender's open report.", new()
                    {
                        ["latitude"] = Number("Latitude in degrees.", -90, 90),
                        ["longitude"] = Number("Longitude in degrees.", -180, 180),
                    }, "latitude", "longitude"),
                    ["venue"] = Object("A venue, which comes with its location.", new()
                    {
                        ["title"] = Text("The venue's name."),
                        ["address"] = Text("The venue's address."),
                    }),
                }, "message_id", "chat"),
            });
    }

    /// <summary>The body, headers, security and answers of one intake action.</summary>
    public static void Describe(OpenApiOperation operation, string action, OpenApiDocument document, IntakeOptions intake)
    {
        switch (action)
        {
            case nameof(IntakeController.VerifyWhatsApp):
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    parameter.Required = true;
                    (parameter.Description, parameter.Schema) = parameter.Name switch
                    {
                        "hub.mode" => ("Always subscribe.", OneOf("Always subscribe.", "subscribe")),
                        "hub.verify_token" => ("The verify token typed into Meta's webhook settings (Intake:WhatsAppVerifyToken).", Text("The verify token.")),
                        "hub.challenge" => ("Any text of 1–200 characters, answered back.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 }),
                        _ => (parameter.Description, parameter.Schema),
                    };
                }

                operation.Security = [];
                Answers(operation, document, new()
                {
                    ["200"] = "The verify token matches: hub.challenge, as plain text.",
                    ["403"] = "hub.mode is not subscribe, the verify token is wrong, or hub.challenge is missing or too long.",
                    ["404"] = "WhatsApp's webhook is switched off (Intake:WhatsAppVerifyToken is empty).",
                });
                break;

            case nameof(IntakeController.ReceiveSms):
                operation.RequestBody = Body(
                    "JSON signed with X-Lapor-Timestamp and X-Lapor-Signature (Intake:SmsSecret), or a form callback with the shared token. " + Limits,
                    ("application/json", GatewayMessage), ("application/x-www-form-urlencoded", SmsFormCallback));
                operation.Parameters = [.. LaporSignature("JSON bodies only")];
                // JSON is proven by the signature headers above, a form by the token: one of the schemes, or none of them.
                operation.Security =
                [
                    Requirement(SmsFormToken, document),
                    .. string.IsNullOrEmpty(intake.SmsForm.TokenQueryParameter) ? [] : new[] { Requirement(SmsFormTokenInQuery, document) },
                    new OpenApiSecurityRequirement(),
                ];
                Answers(operation, document, new()
                {
                    ["200"] = "Taken: filed as a new report or added to the sender's open one (its tracking_number), or a question such as CEK answered by a reply on the channel (null).",
                    ["400"] = "The message lacks an id, a sender or text, its text is too long, or the conversation refused it (the title says why).",
                    ["401"] = "The signature, its timestamp (more than Intake:MaxClockSkew from now) or the form token is missing or wrong.",
                    ["404"] = "This way in is switched off: Intake:SmsSecret (JSON) or Intake:SmsForm:Token (forms) is empty.",
                    ["413"] = "The body is larger than 64 KiB.",
                    ["415"] = "The body is neither application/json nor application/x-www-form-urlencoded, or the form names a charset the server does not know.",
                });
                break;

            case nameof(IntakeController.ReceiveWhatsApp):
                operation.RequestBody = Body(
                    "A Cloud API notification signed by Meta with X-Hub-Signature-256 (Intake:WhatsAppAppSecret), or a relay's message in Lapor's JSON " +
                    "signed with X-Lapor-Signature (Intake:WhatsAppSecret): a call with X-Lapor-Signature is read as the latter. " + Limits,
                    ("application/json", null));
                operation.RequestBody.Content!["application/json"].Schema = new OpenApiSchema
                {
                    OneOf = [new OpenApiSchemaReference(WhatsAppNotification, document), new OpenApiSchemaReference(GatewayMessage, document)],
                };
                operation.Parameters =
                [
                    Header(IntakeSignature.HubSignatureHeader, "Meta's signature of a Cloud API notification: sha256=<hex HMAC-SHA256 of the raw body with the app secret>.", 71),
                    .. LaporSignature("a relay's calls only"),
                ];
                operation.Security = [];
                Answers(operation, document, new()
                {
                    ["200"] = "Authentic. A notification's text, image, document, location and button-reply messages are taken as an SMS is (tracking_number: that of the last message taken; null when it changed no report, e.g. a CEK, a voice note or a sticker answered on the channel, or when the notification held no message, e.g. delivery statuses); a relay's message as an SMS.",
                    ["400"] = "Not a WhatsApp Business notification, a relay's message without id, sender or text, or refused by the conversation.",
                    ["401"] = "The signature (or a relay's timestamp) is missing or wrong.",
                    ["404"] = "This way in is switched off: Intake:WhatsAppAppSecret (Meta) or Intake:WhatsAppSecret (relay) is empty.",
                    ["413"] = "The body is larger than 64 KiB.",
                    ["415"] = "The body is not application/json.",
                });
                break;

            case nameof(IntakeController.ReceiveTelegram):
                operation.RequestBody = Body("A Bot API Update, as Telegram posts it to the address given to setWebhook. " + Limits, ("application/json", TelegramUpdate));
                operation.Security = [Requirement(TelegramSecret, document)];
                Answers(operation, document, new()
                {
                    ["200"] = "Taken as an SMS is (tracking_number, or null for a question such as CEK answered in the chat), or acknowledged and dropped (null): a voice note, sticker or the like answered in the chat with the kinds taken, not a private chat's message, or not readable. Telegram retries anything else.",
                    ["400"] = "The text is too long or the conversation refused the message (the title says why).",
                    ["401"] = "X-Telegram-Bot-Api-Secret-Token is missing or wrong.",
                    ["404"] = "Telegram's webhook is switched off (Intake:TelegramSecretToken is empty).",
                    ["413"] = "The body is larger than 64 KiB.",
                    ["415"] = "The body is not application/json.",
                });
                break;
        }
    }

    private static IEnumerable<OpenApiParameter> LaporSignature(string when) =>
    [
        Header(IntakeSignature.TimestampHeader, $"Unix seconds when the call was signed, within Intake:MaxClockSkew of the server's clock ({when}).", 20),
        Header(IntakeSignature.SignatureHeader, $"sha256=<hex HMAC-SHA256 of \"{{X-Lapor-Timestamp}}.{{raw body}}\" with the channel's secret> ({when}).", 71),
    ];

    private static OpenApiRequestBody Body(string description, params (string ContentType, string? Schema)[] contents) => new()
    {
        Description = description,
        Required = true,
        Content = contents.ToDictionary(c => c.ContentType, c => new OpenApiMediaType { Schema = c.Schema is null ? null : new OpenApiSchemaReference(c.Schema) }),
    };

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    /// <summary>
    /// Says when each answer is given. Every refusal is a problem (application/problem+json), whatever else the
    /// action's [Produces] names: ASP.NET Core would list Meta's text/plain beside each of the verification's refusals.
    /// </summary>
    private static void Answers(OpenApiOperation operation, OpenApiDocument document, Dictionary<string, string> descriptions)
    {
        foreach (var (status, description) in descriptions)
        {
            if (status == "200" && operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse success)
            {
                success.Description = description;
            }
            else
            {
                (operation.Responses ??= [])[status] = Problem(description, document);
            }
        }
    }
}
