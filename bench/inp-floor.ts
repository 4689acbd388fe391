// The control for the INP figure: the same taps, in the same Chromium, at the same CPU slowdown, on a
// page that does next to nothing: 36 tiles shaped like Heard's, a tap marks one pressed. What this
// page measures is the browser's own cost of a tap on this machine, which no app can go under.
import './inp-floor.css';

const list = document.getElementById('tiles')!;
for (let i = 1; i <= 36; i += 1) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tile__main';
  button.setAttribute('aria-pressed', 'false');
  for (const [tag, words] of [['strong', `Person ${String(i).padStart(2, '0')}`], ['span', 'Perspective'], ['span', '0 s on this item']] as const) {
    const part = document.createElement(tag);
    part.textContent = words;
    button.append(part);
  }
  item.append(button);
  list.append(item);
}
list.addEventListener('click', (event) => {
  const pressed = (event.target as Element).closest('button');
  if (!pressed) return;
  for (const button of list.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button === pressed));
});
