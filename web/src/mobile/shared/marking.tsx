import type { ReactNode } from 'react';
import { Button, List, Stepper } from 'antd-mobile';

interface Props {
  /** 总分: the sheet's total as marked so far, or null while a mark is missing. */
  totalLabel: string;
  total: number | null;
  /** How the total is counted, under it. */
  note: string;
  /** Why the sheet cannot be sent yet (a mark missing or out of range), announced. */
  problem: string | null;
  /** Whether the judge may still change the sheet: the button is shown only then. */
  editable: boolean;
  saving: boolean;
  submitLabel: string;
  onSubmit: () => void;
}

/** The foot of a judge's marking sheet on the phone (Workers' Pioneer, skill contests): the total, its note, what is wrong, and 提交. */
export function ScoreFooter({ totalLabel, total, note, problem, editable, saving, submitLabel, onSubmit }: Props) {
  return (
    <section className="gh-card gh-card-flat gh-score-footer">
      <div className="gh-score-total">
        {totalLabel} <strong>{total === null ? '—' : total.toFixed(2)}</strong>
      </div>
      <p className="gh-note" style={{ margin: '0 0 12px' }}>
        {note}
      </p>
      {problem && (
        <p role="alert" className="gh-score-problem">
          {problem}
        </p>
      )}
      {editable && (
        <Button block color="primary" size="large" loading={saving} onClick={onSubmit}>
          {submitLabel}
        </Button>
      )}
    </section>
  );
}

/** One criterion of a judge's marking sheet on the phone: its name, how it is marked, and whole marks from 0 to `max`. */
export function MarkItem({ name, description, max, value, onChange, disabled }: { name: string; description: ReactNode; max: number; value: number | null; onChange: (v: number | null) => void; disabled: boolean }) {
  return (
    <List.Item
      description={description}
      extra={<Stepper aria-label={name} min={0} max={max} digits={0} allowEmpty disabled={disabled} value={value} onChange={onChange} style={{ '--input-width': '44px' }} />}
    >
      <span className="gh-score-criterion">{name}</span>
    </List.Item>
  );
}
