import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '@/lib/notify';
import { getDemoCitizens } from '@/lib/zalo';
import type { DemoCitizen } from '@/lib/zalo-types';
import { ACCOUNT_NS } from '../i18n';
import { signIn } from '@/state/session';

/** Demo and end-to-end builds only: which demo citizen of the sandbox plays "the Zalo user". */
export function DemoCitizenSwitch() {
  const { t } = useTranslation(ACCOUNT_NS);
  const [citizens, setCitizens] = useState<DemoCitizen[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    getDemoCitizens()
      .then((demo) => {
        if (!demo) throw new Error('Not a sandbox build');
        return Promise.all([demo.list(), demo.current()]);
      })
      .then(
        ([list, current]) => {
          setCitizens(list);
          setSelected(current.id);
        },
        () => setFailed(true),
      );
  }, []);

  const choose = async (citizen: DemoCitizen) => {
    setSelected(citizen.id);
    await (await getDemoCitizens())?.choose(citizen.id);
    if (await signIn()) notify({ text: t('session.signedInAs', { name: citizen.name }), type: 'success' });
  };

  return (
    <section aria-labelledby="demo-heading">
      <details className="demo-switch">
        <summary>
          <h2 id="demo-heading">{t('demo.heading')}</h2>
        </summary>
        <p className="muted">{t('demo.intro')}</p>
        {failed && <p role="alert">{t('demo.loadFailed')}</p>}
        {citizens && (
          <fieldset className="choice-group">
            <legend className="visually-hidden">{t('demo.heading')}</legend>
            {citizens.map((citizen) => (
              <label key={citizen.id} className="choice">
                <input
                  type="radio"
                  name="demo-citizen"
                  value={citizen.id}
                  checked={selected === citizen.id}
                  onChange={() => void choose(citizen)}
                />
                <span className="card-body">
                  <span className="card-title">{citizen.name}</span>
                  <span className="card-meta">{citizen.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </details>
    </section>
  );
}
