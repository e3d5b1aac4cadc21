# Build: docker build -t mentorbot .
# Run:   docker run -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_APP_TOKEN=xapp-… -v mentorbot-data:/data mentorbot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props MentorBot.sln ./
COPY src/MentorBot.Slack/MentorBot.Slack.csproj src/MentorBot.Slack/
COPY src/MentorBot/MentorBot.csproj src/MentorBot/
RUN dotnet restore src/MentorBot/MentorBot.csproj
# Only the production projects: the playground (src/MentorBot.Playground) is never in the image.
COPY src/MentorBot.Slack/ src/MentorBot.Slack/
COPY src/MentorBot/ src/MentorBot/
RUN dotnet publish src/MentorBot/MentorBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Time-zone data: check-ins are scheduled in each person's own IANA zone.
USER root
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__DatabasePath=/data/mentorbot.db
VOLUME /data
EXPOSE 8080
# GET /healthz answers 200 while the app is up and its database is open: point your orchestrator's probe at it.
# A broken database (full disk) makes it exit with 75: run with `--restart unless-stopped` so it comes back.
# Docker's default stop grace (10 s) is shorter than the host's 30 s drain: stop with `docker stop -t 30`.
ENTRYPOINT ["dotnet", "MentorBot.dll"]
