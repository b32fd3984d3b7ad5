/**
 * The room's screens, routed by the location's hash: `#room` (type a join code), `#room/CODE`
 * (a team device), `#teach/CODE` (the teacher's console), `#projector/CODE/KEY` (the class
 * screen). Loaded on demand, so the single-screen app never loads Socket.IO.
 */
import { Show, createSignal } from 'solid-js';
import '../../app/app.css';
import './room.css';
import type { RoomRoute } from '../../state/room';
import { normalizeCode } from '../../../server/protocol';
import { Projector } from './Projector';
import { TeacherConsole } from './TeacherConsole';
import { TeamDevice } from './TeamDevice';

export default function RoomApp(props: { route: RoomRoute }) {
  // A new route (another code or role) is a new screen with its own connection.
  return (
    <Show when={JSON.stringify(props.route)} keyed>
      {(_key: string) => {
        const r = props.route;
        if (r.kind === 'team') return <TeamDevice code={r.code} />;
        if (r.kind === 'teacher') return <TeacherConsole code={r.code} {...(r.key ? { teacherKey: r.key } : {})} />;
        if (r.kind === 'projector') return <Projector code={r.code} projectorKey={r.key} />;
        return <JoinByCode />;
      }}
    </Show>
  );
}

function JoinByCode() {
  const [code, setCode] = createSignal('');
  return (
    <div class="room team-device">
      <form
        class="card claim"
        onSubmit={(e) => {
          e.preventDefault();
          const c = normalizeCode(code());
          if (c) location.hash = `#room/${c}`;
        }}
      >
        <h1>Join a Coreplay room</h1>
        <label>
          Join code
          <input
            type="text"
            data-testid="join-code-input"
            autocomplete="off"
            autocapitalize="characters"
            placeholder="ABCD-EFGH"
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary big" data-testid="join-room">
          Join
        </button>
      </form>
    </div>
  );
}
