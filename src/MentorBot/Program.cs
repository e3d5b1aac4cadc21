using MentorBot;

// The production bot. The playground (no Slack needed) is src/MentorBot.Playground, which runs this same app.
return await MentorBotApp.RunAsync(WebApplication.CreateBuilder(args));

public partial class Program;
