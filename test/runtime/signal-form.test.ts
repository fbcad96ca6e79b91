// Runs in both declaration forms (class-form.test.ts runs test/runtime again with the class-level
// form): the shared Button really is declared in the selected form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Button, signalForm } from './fixtures.js';

test('the shared Button is declared in the selected form', () => {
  const button = new Button();
  assert.deepEqual(Object.keys(button), signalForm === 'class' ? [] : ['clicked', 'toggled']);
  assert.equal(Object.hasOwn(button, 'clicked'), signalForm === 'field');
  assert.equal(button.clicked.name, 'clicked');
});
