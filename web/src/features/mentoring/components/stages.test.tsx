import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { useLearningTexts } from '../../../lib/i18n/learning';
import type { Language } from '../../../lib/i18n';
import { renderWithI18n as render } from '../../../test/render';
import { CompletionBar, CycleStepper } from './stages';

/** The learning tab adds its texts as it renders; these parts are rendered on their own here. */
function WithTexts({ children }: { children: ReactElement }) {
  useLearningTexts();
  return children;
}

const renderWithI18n = (ui: ReactElement, language?: Language) => render(<WithTexts>{ui}</WithTexts>, language);

const steps = () => within(screen.getByTestId('cycle-stepper')).getAllByRole('listitem');

describe('the stepper of a cycle’s stages', () => {
  it('marks the stage the cycle is in as the current step, those before it as passed', () => {
    renderWithI18n(<CycleStepper status="evaluation" />);
    expect(screen.getByRole('list', { name: 'Tahap siklus belajar' })).toBeInTheDocument();
    expect(steps().map((step) => step.textContent)).toEqual(['✓Perencanaan(sudah dilalui)', '✓Pelaksanaan(sudah dilalui)', '3Evaluasi', '4Selesai']);
    expect(steps().map((step) => step.getAttribute('aria-current'))).toEqual([null, null, 'step', null]);
    expect(steps()[2]).toHaveClass('stepper__step--current');
    expect(steps()[3]).toHaveClass('stepper__step--todo');
  });

  it('shows a planned cycle at its first step and a closed one with every stage passed', () => {
    const { unmount } = renderWithI18n(<CycleStepper status="planning" />);
    expect(steps().map((step) => step.getAttribute('aria-current'))).toEqual(['step', null, null, null]);
    expect(steps()[0]).toHaveTextContent(/^1Perencanaan$/);
    unmount();
    renderWithI18n(<CycleStepper status="closed" />);
    expect(steps().every((step) => step.classList.contains('stepper__step--done'))).toBe(true);
    expect(steps()[3]).toHaveAttribute('aria-current', 'step');
  });

  it('speaks English to an English reader', () => {
    renderWithI18n(<CycleStepper status="implementation" />, 'en');
    expect(steps().map((step) => step.textContent)).toEqual(['✓Planning(done)', '2Implementation', '3Evaluation', '4Closed']);
  });
});

describe('a cycle’s completion bar', () => {
  it('says how many competencies were achieved of how many, and the share', () => {
    renderWithI18n(<CompletionBar completion={{ achieved: 3, targets: 4 }} />);
    const bar = screen.getByRole('progressbar', { name: 'Ketercapaian kompetensi' });
    expect(bar).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByText('3 dari 4 kompetensi tercapai (75%)')).toBeInTheDocument();
  });

  it('has nothing to measure before the plan names mentees and competencies', () => {
    renderWithI18n(<CompletionBar completion={{ achieved: 0, targets: 0 }} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByText('Belum ada kompetensi sasaran dan peserta.')).toBeInTheDocument();
  });
});
