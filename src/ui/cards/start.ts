import { h } from '../dom';
import { button, messageView, type View } from './shared';

export function headerView(v: View): HTMLElement {
  return h(
    'header',
    {},
    h('h1', { class: 'brand' }, 'ita-report'),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        id: 'lang',
        lang: v.state.lang === 'th' ? 'en' : 'th',
        'aria-label': v.t('switchToLabel'),
        onclick: () => v.actions.toggleLanguage(),
      },
      v.t('switchTo'),
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
      confirming ? null : button(v, 'create-sample', v.t('createSample'), () => v.actions.askSample()),
    ),
    confirming
      ? h(
          'div',
          { class: 'confirm', id: 'sample-confirm', tabindex: '-1' },
          h('p', { class: 'warn' }, `⚠ ${v.t('sampleWarn')}`),
          h(
            'div',
            { class: 'buttons' },
            button(v, 'confirm-sample', v.t('sampleConfirm'), () => v.actions.createTemplate(true)),
            button(v, 'cancel-sample', v.t('cancel'), () => v.actions.cancelConfirm()),
          ),
        )
      : h('p', { class: 'muted' }, v.t('sampleWarn')),
    messageView(v, 'start'),
  );
}
