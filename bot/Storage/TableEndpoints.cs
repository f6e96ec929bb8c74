using System.Diagnostics.CodeAnalysis;

namespace ScreeningBot.Bot.Storage;

/// <summary>Derives the table and queue endpoints of a storage account from <see cref="StorageOptions.AccountUri"/>.</summary>
internal static class TableEndpoints
{
    public static bool TryParse(
        string accountUri,
        [NotNullWhen(true)] out Uri? tableEndpoint,
        [NotNullWhen(true)] out Uri? queueEndpoint,
        [NotNullWhen(false)] out string? error)
    {
        tableEndpoint = null;
        queueEndpoint = null;
        if (!Uri.TryCreate(accountUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            error = "it must be an absolute https URI such as https://myaccount.table.core.windows.net/ (for Azurite, use Storage:ConnectionString instead).";
            return false;
        }

        // <account>.<service>.<suffix>: swap the service label to reach the other endpoint.
        var labels = uri.Host.Split('.');
        if (labels.Length < 3 || labels[1] is not ("table" or "queue" or "blob" or "file" or "dfs"))
        {
            error = "its host must look like <account>.table.<suffix> (e.g. myaccount.table.core.windows.net) so the queue endpoint can be derived; for other hosts use Storage:ConnectionString.";
            return false;
        }

        tableEndpoint = WithService(uri, labels, "table");
        queueEndpoint = WithService(uri, labels, "queue");
        error = null;
        return true;
    }

    private static Uri WithService(Uri uri, string[] labels, string service)
    {
        var host = string.Join('.', [labels[0], service, .. labels[2..]]);
        return new UriBuilder(uri.Scheme, host, uri.IsDefaultPort ? -1 : uri.Port).Uri;
    }
}
