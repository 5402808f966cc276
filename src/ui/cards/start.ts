import { h } from '../dom';
import { button, messageView, type View } from './shared';

/** The brand, a secondary menu (the guide, the sample) and the language switch. */
export function headerView(v: View): HTMLElement {
  const ready = v.state.overview?.ready === true;
  return h(
    'header',
    {},
    h('h1', { class: 'brand' }, 'ita-report'),
    h(
      'details',
      { class: 'menu', id: 'menu' },
      h('summary', { id: 'menu-toggle' }, v.t('menu')),
      h(
        'div',
        { class: 'menu-items' },
        button(v, 'help', v.t('help'), () => v.actions.openGuide(), { disabled: false }),
        // The sample stays in reach once the tabs exist (it fills in only the tabs that are missing).
        ready
          ? button(v, 'menu-sample', v.t('createSample'), () => v.actions.askSample('menu-toggle'))
          : null,
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        id: 'lang',
        lang: v.state.lang === 'th' ? 'en' : 'th',
        // The accessible name begins with the visible word (WCAG 2.5.3).
        'aria-label': v.t('switchToLabel'),
        onclick: () => v.actions.toggleLanguage(),
      },
      v.t('switchTo'),
    ),
  );
}

/** The sample's warning and a second click to fill it in: from the start card or the menu. */
export function sampleConfirmView(v: View): HTMLElement | null {
  if (v.state.confirm?.kind !== 'sample') return null;
  return h(
    'div',
    {
      class: 'confirm',
      id: 'sample-confirm',
      tabindex: '-1',
      role: 'group',
      'aria-labelledby': 'sample-confirm-text',
    },
    h('p', { class: 'warn', id: 'sample-confirm-text' }, `⚠ ${v.t('sampleWarn')}`),
    h(
      'div',
      { class: 'buttons' },
      button(v, 'confirm-sample', v.t('sampleConfirm'), () => v.actions.createTemplate(true)),
      button(v, 'cancel-sample', v.t('cancel'), () => v.actions.cancelConfirm()),
    ),
  );
}

export function startView(v: View): HTMLElement | null {
  if (v.state.overview?.ready !== false) return null;
  const confirming = v.state.confirm?.kind === 'sample';
  return h(
    'section',
    { class: 'card', id: 'start-card', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title' }, v.t('startTitle')),
    h('p', {}, v.t('startText')),
    h(
      'div',
      { class: 'buttons' },
      button(v, 'create-empty', v.t('createEmpty'), () => v.actions.createTemplate(false), { primary: true }),
      confirming
        ? null
        : button(v, 'create-sample', v.t('createSample'), () => v.actions.askSample('create-sample')),
    ),
    confirming ? sampleConfirmView(v) : h('p', { class: 'muted' }, v.t('sampleWarn')),
    messageView(v, 'start'),
  );
}
