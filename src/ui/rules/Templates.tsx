import { useEffect, useState } from 'preact/hooks';
import { unusedTemplateKeys, type RuleTemplateKey } from '../../domain/ground-rules';
import { addRule } from '../../state/rules-actions';
import { t } from '../strings/all';
import { type RulesData, ids, nextOrder } from './rule-helpers';
import type { FocusAfterChange } from './focus-after-change';

export function Templates({ data, focus }: { data: RulesData; focus: FocusAfterChange }) {
  // Hidden from the moment they are tapped, so a double tap cannot add one twice.
  const [adding, setAdding] = useState<ReadonlySet<RuleTemplateKey>>(new Set());
  useEffect(() => setAdding(new Set()), [data.rules]);
  const keys = unusedTemplateKeys(data.rules).filter((key) => !adding.has(key));

  async function add(key: RuleTemplateKey) {
    const at = keys.indexOf(key);
    const rest = keys.filter((k) => k !== key);
    // The next template along, so several can be added one after another.
    const after = [...rest.slice(at), ...rest.slice(0, at).reverse()];
    focus.request([...after.map(ids.template), 'templates-all-used']);
    setAdding(new Set([...adding, key]));
    const result = await addRule(data.group.id, t.rules.templates[key], nextOrder(data.rules) + adding.size, key);
    if (!result.ok) {
      focus.cancel();
      setAdding((now) => new Set([...now].filter((k) => k !== key)));
    }
  }

  return (
    <section aria-labelledby="heading-rules-templates">
      <h2 id="heading-rules-templates">{t.rules.templatesTitle}</h2>
      {keys.length === 0 ? (
        <p id="templates-all-used" class="empty" tabIndex={-1}>
          {t.rules.allTemplatesUsed}
        </p>
      ) : (
        <ul class="list">
          {keys.map((key) => (
            <li key={key} class="list-row">
              <p class="template-text">{t.rules.templates[key]}</p>
              <button
                type="button"
                id={ids.template(key)}
                class="button button--secondary"
                aria-label={t.rules.addTemplateNamed(t.rules.templates[key])}
                onClick={() => void add(key)}
              >
                {t.rules.addTemplate}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
