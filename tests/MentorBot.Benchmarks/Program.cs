// Benchmarks (not tests): `dotnet run -c Release --project tests/MentorBot.Benchmarks -- checkins|matching`
using MentorBot.Benchmarks;

switch (args.FirstOrDefault() ?? "checkins")
{
    case "checkins":
        await CheckInsBenchmark.RunAsync();
        return 0;
    case "matching":
        MatchingBenchmark.Run();
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{args[0]}'. Available: checkins, matching");
        return 1;
}
