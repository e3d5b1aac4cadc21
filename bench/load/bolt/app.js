// The reference for MentorBot's load benchmark: the same two commands, the Bolt way, goals kept in memory.
const { App, LogLevel } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  tokenVerificationEnabled: false, // no auth.test call at start: there is no Slack here
  botId: 'BBOT',
  botUserId: 'UBOT',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL || 'http://127.0.0.1:9/api/' },
  logLevel: LogLevel.ERROR,
});

const HELP = [
  '*MentorBot* helps mentors and mentees keep their relationship going.',
  '• `/goal add <title>`: save a goal',
  '• `/goal list`: your goals',
  '• `/mentor help`: this help',
].join('\n');

const goals = new Map(); // user id -> [{ number, title }]
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

app.command('/mentor', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: HELP });
});

app.command('/goal', async ({ command, ack }) => {
  const text = (command.text || '').trim();
  const [verb] = text.split(/\s+/);
  const mine = goals.get(command.user_id) || [];
  goals.set(command.user_id, mine);
  if (verb === 'add' && text.length > 4) {
    const goal = { number: mine.length + 1, title: text.slice(4).trim() };
    mine.push(goal);
    await ack({ response_type: 'ephemeral', text: `Saved goal #${goal.number}: ${escape(goal.title)}` });
  } else if (verb === 'list') {
    const shown = mine.slice(-20).map((g) => `#${g.number} ${escape(g.title)}`).join('\n');
    await ack({ response_type: 'ephemeral', text: shown || 'You have no goals yet.' });
  } else {
    await ack({ response_type: 'ephemeral', text: 'Try `/goal add <title>` or `/goal list`.' });
  }
});

(async () => {
  await app.start(Number(process.env.PORT || 3000));
  console.log(`bolt ready on ${process.env.PORT}`);
})();
