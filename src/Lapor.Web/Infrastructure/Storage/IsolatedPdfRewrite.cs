using System.Diagnostics;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// Runs <see cref="PdfSanitizer"/> in a child process of its own (<c>Lapor.Web rewrite-pdf</c>), with a
/// time limit and a heap limit. PDFsharp can overflow the stack or loop on a hostile file; in-process
/// that would stop the whole portal (a stack overflow cannot be caught), here it only refuses one file.
/// <see cref="PdfParseGuard"/> still runs first in the child, for the failures it knows.
/// </summary>
public static class IsolatedPdfRewrite
{
    public const string Command = "rewrite-pdf";

    /// <summary>A rewrite taking longer than this is a hostile or broken file: the child is killed.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>The child's managed heap (512 MB): a decompression or parser runaway ends in a refusal, not a full machine.</summary>
    private const string HeapLimit = "0x20000000";

    private const int Protected = 2;

    /// <summary>At most this many rewrites at once per instance (each child takes about 50 MB): a burst of uploads queues instead of exhausting memory.</summary>
    private static readonly SemaphoreSlim Slots = new(Math.Max(2, Environment.ProcessorCount));

    public static bool IsRequested(string[] args) => args is [Command];

    /// <summary>The child: the PDF on standard input, the rewritten one on standard output; the exit code says why not.</summary>
    public static int Run()
    {
        using var input = new MemoryStream();
        Console.OpenStandardInput().CopyTo(input);
        var (pdf, refusal) = PdfSanitizer.Rewrite(input.ToArray());
        if (pdf is null)
        {
            return refusal == PdfSanitizer.ProtectedKey ? Protected : 1;
        }

        using var output = Console.OpenStandardOutput();
        output.Write(pdf);
        return 0;
    }

    /// <summary>The parent: rewrites <paramref name="pdf"/> in a child process of this app.</summary>
    public static async Task<PdfSanitizer.Result> RewriteAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        await Slots.WaitAsync(cancellationToken);
        try
        {
            return await RewriteAsync(pdf, ChildStartInfo(), TimeLimit, cancellationToken);
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>Runs any child that speaks the same protocol (tests use a crashing and a hanging one).</summary>
    internal static async Task<PdfSanitizer.Result> RewriteAsync(byte[] pdf, ProcessStartInfo start, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The PDF rewrite process did not start.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            using var output = new MemoryStream();
            var reading = child.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
            var draining = child.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await child.StandardInput.BaseStream.WriteAsync(pdf, limit.Token);
                child.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child stopped reading (it crashed or refused early): its exit code tells.
            }

            await Task.WhenAll(reading, draining);
            await child.WaitForExitAsync(limit.Token);
            return child.ExitCode switch
            {
                0 when output.Length > 0 => new PdfSanitizer.Result(output.ToArray(), ""),
                Protected => new PdfSanitizer.Result(null, PdfSanitizer.ProtectedKey),
                _ => new PdfSanitizer.Result(null, PdfSanitizer.UnreadableKey),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PdfSanitizer.Result(null, PdfSanitizer.UnreadableKey);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>This app started again with the command: through its own executable, or the dotnet host with its assembly.</summary>
    private static ProcessStartInfo ChildStartInfo()
    {
        var assembly = typeof(IsolatedPdfRewrite).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var start = Path.GetFileNameWithoutExtension(host) == Path.GetFileNameWithoutExtension(assembly)
            ? new ProcessStartInfo(host)
            : new ProcessStartInfo(Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet") { ArgumentList = { assembly } };
        start.ArgumentList.Add(Command);
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;

        return start;
    }
}
