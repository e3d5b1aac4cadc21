// The reference for MentorBot's load benchmark: the same commands, the Bolt way, goals and requests kept in memory.
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
  } else if (verb === 'progress') {
    const [, number, percent] = text.split(/\s+/);
    const goal = mine.find((g) => g.number === Number(number));
    const value = Number(percent);
    if (!goal || !(value >= 0 && value <= 100)) {
      await ack({ response_type: 'ephemeral', text: 'Try `/goal progress <number> <0-100>`.' });
      return;
    }
    goal.progress = value;
    (goal.history = goal.history || []).push({ at: Date.now(), progress: value });
    await ack({ response_type: 'ephemeral', text: `Updated goal #${goal.number}: ${escape(goal.title)} (${value}%)` });
  } else if (verb === 'list') {
    const shown = mine.slice(-20).map((g) => `#${g.number} ${escape(g.title)}`).join('\n');
    await ack({ response_type: 'ephemeral', text: shown || 'You have no goals yet.' });
  } else {
    await ack({ response_type: 'ephemeral', text: 'Try `/goal add <title>` or `/goal list`.' });
  }
});

const requests = []; // feedback requests, in memory
app.command('/askfeedback', async ({ command, ack, client }) => {
  const text = (command.text || '').trim();
  const people = [...text.matchAll(/<@([UW][A-Z0-9]+)(\|[^>]*)?>/g)].map((m) => m[1]);
  const topic = text.replace(/<@[^>]+>/g, '').trim();
  if (people.length === 0 || topic.length === 0) {
    await ack({ response_type: 'ephemeral', text: 'Try `/askfeedback @person <topic>`.' });
    return;
  }
  requests.push({ asker: command.user_id, people, topic, at: Date.now() });
  await ack({ response_type: 'ephemeral', text: `Asked ${people.map((p) => `<@${p}>`).join(', ')} about "${escape(topic)}".` });
  // As MentorBot does: the DM to the person asked goes out after the ack.
  for (const person of people) await client.chat.postMessage({ channel: person, text: `<@${command.user_id}> asks for your feedback: ${escape(topic)}` });
});

(async () => {
  await app.start(Number(process.env.PORT || 3000));
  console.log(`bolt ready on ${process.env.PORT}`);
})();
