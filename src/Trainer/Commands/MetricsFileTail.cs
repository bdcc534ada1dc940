using System.Text;

namespace Tuner.Trainer.Commands;

/// <summary>Follows a metrics file the program appends to, handing on each complete line; after the program exits it
/// reads what is left (a last line without a newline included). A file that shrinks was rewritten: it is read again
/// from the start. A file that does not exist yet is waited for.</summary>
internal static class MetricsFileTail
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task FollowAsync(string path, Task exited, Action<string> onLine)
    {
        long position = 0;
        var decoder = Encoding.UTF8.GetDecoder();
        var pending = new StringBuilder();
        while (true)
        {
            var last = exited.IsCompleted;
            position = Read(path, position, decoder, pending, onLine);
            if (last)
            {
                if (pending.Length > 0) onLine(pending.ToString().TrimEnd('\r'));
                return;
            }
            await Task.WhenAny(exited, Task.Delay(PollInterval));
        }
    }

    private static long Read(string path, long position, Decoder decoder, StringBuilder pending, Action<string> onLine)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return position;
        }

        using (file)
        {
            if (file.Length < position)
            {
                position = 0;
                pending.Clear();
                decoder.Reset();
            }
            file.Position = position;
            var bytes = new byte[64 * 1024];
            var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
            int read;
            while ((read = file.Read(bytes)) > 0)
            {
                position += read;
                var count = decoder.GetChars(bytes, 0, read, chars, 0);
                for (var i = 0; i < count; i++)
                {
                    if (chars[i] == '\n')
                    {
                        onLine(pending.ToString().TrimEnd('\r'));
                        pending.Clear();
                    }
                    else
                    {
                        pending.Append(chars[i]);
                    }
                }
            }
            return position;
        }
    }
}
