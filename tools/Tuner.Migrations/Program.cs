using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Persistence;

// Usage: dotnet run --project tools/Tuner.Migrations -- add <Name>
// Writes the migration into src/Scheduler/Persistence/Migrations, as `dotnet ef migrations add` would.
if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: Tuner.Migrations add <MigrationName>");
    return 2;
}

var root = FindRepositoryRoot();
var projectDir = Path.Combine(root, "src", "Scheduler", "Persistence");
var options = TunerDatabase.Options("Host=unused");
await using var context = new TunerDbContext(options);
var reporter = new OperationReporter(new OperationReportHandler(
    e => Console.Error.WriteLine(e), w => Console.Error.WriteLine(w), i => Console.WriteLine(i), v => { }));
var assembly = typeof(TunerDbContext).Assembly;
var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "Tuner.Persistence", "Migrations", "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
Console.WriteLine($"wrote {files.MigrationFile}");
Console.WriteLine($"wrote {files.MetadataFile}");
Console.WriteLine($"wrote {files.SnapshotFile}");
return 0;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tuner.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run from inside the Tuner repository");
}
