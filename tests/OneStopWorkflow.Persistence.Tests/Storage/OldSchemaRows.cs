using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Tests.Storage;

/// <summary>
/// Writes rows into a store migrated only part of the way, as an older version of the app wrote them: only the
/// columns the table has at that point, valued as the model converts them. Saving through the context would name
/// the columns later migrations add.
/// </summary>
internal static class OldSchemaRows
{
    public static async Task InsertAsync<T>(OneStopDbContext db, IEnumerable<T> rows, CancellationToken cancel)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var present = await ColumnsAsync(db, table, cancel);
        var properties = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is { } c && present.Contains(c) && p.PropertyInfo is not null)
            .ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""));
        var slots = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var row in rows)
        {
            var values = properties.Select((p, i) =>
            {
                var value = p.PropertyInfo!.GetValue(row);
                var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
                var parameter = factory.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = (value is null ? null : converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                return (object)parameter;
            }).ToArray();
            // The table and column names come from the model, never from input.
            var sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + slots + ")";
            await db.Database.ExecuteSqlRawAsync(sql, values, cancel);
        }
    }

    private static async Task<HashSet<string>> ColumnsAsync(OneStopDbContext db, string table, CancellationToken cancel)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancel);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = db.Provider == StorageProvider.Sqlite
                ? $"SELECT name FROM pragma_table_info('{table}')"
                : $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'";
            var columns = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancel);
            while (await reader.ReadAsync(cancel))
            {
                columns.Add(reader.GetString(0));
            }

            return columns;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
