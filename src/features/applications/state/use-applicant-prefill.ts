import { useCallback, useEffect, useState } from 'react';
import { useRecoilState } from 'recoil';
import { getApplicantProfile } from '../api/get-applicant-profile';
import { getOffice } from '../api/search-offices';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import type { ApplicationProcedure, OfficeChoice } from '../types';
import { draftState, hasProgress } from './draft-state';

/** The code of the provincial public-administration service centre, which handles province-level procedures. */
export const PROVINCIAL_CENTRE_CODE = 'H38';

/**
 * Fills a fresh draft with what the app already knows: the office (the provincial centre for province-level
 * procedures, else the QR poster's office) and the applicant's name and phone from their profile. It does not count
 * as the citizen's progress (updatedAt stays). Runs once per page visit; `prefillAgain` after "Làm lại từ đầu".
 */
export function useApplicantPrefill(procedure: ApplicationProcedure, preselectedOffice: string | null) {
  const { t } = useApplicationsDictionary();
  const [draft, setDraft] = useRecoilState(draftState(procedure.code));
  const [runs, setRuns] = useState(0);

  useEffect(() => {
    if (hasProgress(draft)) return;
    if (procedure.level === 'province') {
      const centre: OfficeChoice = {
        code: PROVINCIAL_CENTRE_CODE,
        name: t('applications.office.provinceName'),
        unitName: t('applications.office.provinceName'),
        type: 'province',
      };
      setDraft((current) => ({ ...current, office: current.office ?? centre }));
    } else if (preselectedOffice && !draft.office) {
      getOffice(preselectedOffice).then(
        (office) => {
          if (office.type !== 'province') setDraft((current) => ({ ...current, office: current.office ?? office }));
        },
        () => undefined,
      );
    }
    getApplicantProfile().then(
      (profile) => {
        const phone = profile.phone?.number;
        if (!profile.name && !phone) return;
        setDraft((current) => {
          const answers = { ...current.answers };
          if (profile.name && !answers.applicant_full_name) answers.applicant_full_name = profile.name;
          // The proxy keeps 84…; citizens know their number as 0….
          if (phone && !answers.applicant_phone) answers.applicant_phone = phone.replace(/^84/, '0');
          return { ...current, answers };
        });
      },
      () => undefined, // not signed in, or no consent: the citizen types their details
    );
    // Once per page visit, and again on prefillAgain.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runs]);

  const prefillAgain = useCallback(() => setRuns((n) => n + 1), []);
  return { prefillAgain };
}
