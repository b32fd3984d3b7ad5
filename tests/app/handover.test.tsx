// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { HandOver } from '../../src/views/play/HandOver';

afterEach(cleanup);

describe('HandOver', () => {
  it('names the team and the actor, focuses its one button and calls onReady when pressed', () => {
    let ready = 0;
    render(() => <HandOver team="Team A" actorName="Regime" onReady={() => ready++} />);
    const button = screen.getByRole('button', { name: 'I am Team A — show my options' });
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole('heading').textContent).toBe('Pass the screen to Team A');
    fireEvent.click(button);
    expect(ready).toBe(1);
  });
});
