// Benchmarks (not tests): `dotnet run -c Release --project tests/MentorBot.Benchmarks -- checkins|matching|goals`
using MentorBot.Benchmarks;

switch (args.FirstOrDefault() ?? "checkins")
{
    case "checkins":
        await CheckInsBenchmark.RunAsync();
        return 0;
    case "goals":
        GoalWritesBenchmark.Run();
        return 0;
    case "matching":
        MatchingBenchmark.Run();
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{args[0]}'. Available: checkins, matching, goals");
        return 1;
}
