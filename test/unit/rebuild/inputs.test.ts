import { describe, expect, it } from 'vitest';
import { createMarkerSeal } from '../../../src/domain/text/marker.js';
import { digestOf } from '../../../src/engine/inputs.js';
import { checkInputs, recordedInputs } from '../../../src/rebuild/inputs.js';

const seal = createMarkerSeal('test-secret');
const PLACE = 'fleet/program#7';
const marker = (inputs: object, state = 'certification') =>
  `status\n\n${seal.seal('state', JSON.stringify({ workflow: 'onboarding', state, version: 3, updatedAt: '2026-09-12T10:00:00.000Z', inputs }), PLACE)}`;
const fleet = {
  digest: digestOf('/fleet a b'),
  at: '2026-09-12T09:00:00.000Z',
  by: 'alice',
  commands: '/fleet a b',
};
const issue = { number: 7, body: 'form', user: { login: 'alice' } };
const notFinal = () => false;

describe('the inputs rebuild reads from the bot’s markers', () => {
  it.each([
    ['a marker in the bot’s status comment', 'operator-bot', marker({ 5013: fleet }), { 5013: fleet }],
    ['a marker copied into someone else’s comment', 'mallory', marker({ 5013: fleet }), {}],
    ['a marker that is not JSON', 'operator-bot', '<!-- operator-bot:state {"workflow": -->', {}],
    ['an input of the wrong shape', 'operator-bot', marker({ 5013: { digest: 1 } }), {}],
    [
      'an unsigned marker in the bot’s comment (edited in by a writer)',
      'operator-bot',
      `<!-- operator-bot:state ${JSON.stringify({ workflow: 'onboarding', state: 'active', inputs: { 5013: fleet } })} -->`,
      {},
    ],
  ])('%s', (_, login, body, inputs) => {
    expect(recordedInputs([{ id: 1, body, user: { login } }], 'operator-bot', seal, PLACE).inputs).toEqual(
      inputs,
    );
  });

  it('leaves an unchanged history as it is, with nothing to report', () => {
    const comments = [
      { id: 5013, body: '/fleet a b', user: { login: 'alice' } },
      {
        id: 5014,
        body: marker({ 5013: fleet, body: { digest: digestOf('form'), at: fleet.at } }),
        user: { login: 'operator-bot' },
      },
    ];
    const checked = checkInputs('fleet/program#7', issue, comments, 'operator-bot', notFinal, seal);
    expect(checked).toMatchObject({ comments, findings: [], skipIssue: false });
  });

  it('does not skip an issue whose body changed while its workflow still runs (the bot acts on edits then)', () => {
    const comments = [
      {
        id: 5014,
        body: marker({ body: { digest: digestOf('old form'), at: fleet.at } }),
        user: { login: 'operator-bot' },
      },
    ];
    expect(checkInputs('fleet/program#7', issue, comments, 'operator-bot', notFinal, seal).skipIssue).toBe(
      false,
    );
    expect(checkInputs('fleet/program#7', issue, comments, 'operator-bot', () => true, seal).skipIssue).toBe(
      true,
    );
  });
});
