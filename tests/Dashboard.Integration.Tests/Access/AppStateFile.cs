using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The SQLite file a test app keeps its state in (<c>StateStore__ConnectionString</c>), read and changed from
/// outside the app as someone with file access could: the audit log, and the odd direct change a test needs.
/// </summary>
public sealed class AppStateFile(string path)
{
    public string Path { get; } = path;

    /// <summary>A new file name in the temp folder.</summary>
    public static AppStateFile InTemp(string prefix) =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db"));

    /// <summary>The app's setting that keeps its state in this file.</summary>
    public KeyValuePair<string, string> Setting => new("StateStore__ConnectionString", $"Data Source={Path}");

    /// <summary>The audit events of <paramref name="kind"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(string Actor, JsonElement Payload)>> AuditAsync(string kind)
    {
        await using var connection = await OpenAsync("Mode=ReadOnly");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Actor, PayloadJson FROM AuditEvents WHERE Kind = $kind ORDER BY Sequence";
        command.Parameters.AddWithValue("$kind", kind);
        var events = new List<(string, JsonElement)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }

        return events;
    }

    /// <summary>Runs one statement with <c>$name</c> parameters and returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync("Mode=ReadWrite");
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync("Mode=ReadOnly");
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Deletes the file and its journal, once the app is gone.</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private async Task<SqliteConnection> OpenAsync(string mode)
    {
        var connection = new SqliteConnection($"Data Source={Path};{mode};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
