import type { ComponentChildren } from 'preact';
import { PageTitle } from '../../components/PageTitle';
import { Step } from '../answers';
import { ReadAloudButton } from '../ReadAloud';

/** A check-in screen that asks one thing: its title, a line under it, one large button, and anything after. */
export function OneButtonStep(props: { title: string; hint: string; button: string; onClick: () => void; children?: ComponentChildren }) {
  return (
    <Step>
      <PageTitle text={props.title} />
      <ReadAloudButton />
      <p class="lede">{props.hint}</p>
      <button type="button" class="button button--start" onClick={props.onClick}>
        {props.button}
      </button>
      {props.children}
    </Step>
  );
}
