import { STAGE4_QUESTION_KEYS } from '../../domain/ground-rules';
import { t } from '../strings/all';

export function Questions() {
  return (
    <section class="rules-questions" aria-labelledby="heading-rules-questions">
      <h2 id="heading-rules-questions">{t.rules.questionsTitle}</h2>
      <p class="field__hint">{t.rules.questionsHint}</p>
      <ul class="rules-questions__list">
        {STAGE4_QUESTION_KEYS.map((key) => (
          <li key={key}>{t.rules.questions[key]}</li>
        ))}
      </ul>
    </section>
  );
}
