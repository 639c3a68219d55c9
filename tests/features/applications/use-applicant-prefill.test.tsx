import { act, waitFor } from '@testing-library/react';
import { useRecoilValue, useResetRecoilState } from 'recoil';
import { draftState } from '@/features/applications/state/draft-state';
import { startSession } from '@/state/session';
import { useApplicantPrefill } from '@/features/applications/state/use-applicant-prefill';
import type { ApplicationProcedure } from '@/features/applications/types';
import type { FakeApi } from '../../support/fake-api';
import { grantedConsent, type IdentityProxy } from '../../support/fake-identity-proxy';
import { withIdentityProxy } from '../../support/session';
import { renderFormHook } from './hook-support';
import { banXeo, birthApplication, installApplicationProxy, khaoMang, storeDraft } from './support';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => {
  ({ api, proxy } = fake);
  installApplicationProxy(api);
});

/** The hook with the draft it fills, and the form's "Làm lại từ đầu" reset. */
function usePrefilledDraft(procedure: ApplicationProcedure, office: string | null) {
  const { prefillAgain } = useApplicantPrefill(procedure, office);
  const draft = useRecoilValue(draftState(procedure.code));
  const reset = useResetRecoilState(draftState(procedure.code));
  return { draft, prefillAgain, reset };
}

/** Signs in as the app does when it opens (app.tsx, SessionStarter), with what the citizen has shared by then. */
const openApp = () => startSession();

const provinceLevel: ApplicationProcedure = { ...birthApplication, code: '2.000001', level: 'province' };

describe('useApplicantPrefill', () => {
  it('fills in the name and phone the citizen shared, without counting them as progress', async () => {
    proxy.consents.profile = grantedConsent();
    proxy.phone = '84987654321';
    await openApp();
    const { current } = await renderFormHook(() => usePrefilledDraft(birthApplication, null));
    await waitFor(() =>
      expect(current().draft.answers).toEqual({ applicant_full_name: 'Giàng Thị Mỷ', applicant_phone: '0987654321' }),
    );
    expect(current().draft.updatedAt).toBeNull();
  });

  it('leaves the details empty when the citizen shared nothing', async () => {
    await openApp();
    const { current } = await renderFormHook(() => usePrefilledDraft(birthApplication, null));
    await waitFor(() => expect(api.requestsTo('/api/v1/me')).toHaveLength(1));
    expect(current().draft.answers).toEqual({});
  });

  it("chooses the QR poster's office", async () => {
    const { current } = await renderFormHook(() => usePrefilledDraft(birthApplication, banXeo.code));
    await waitFor(() => expect(current().draft.office).toEqual(expect.objectContaining(banXeo)));
  });

  it('sends province-level procedures to the provincial centre, whatever the poster says', async () => {
    const { current } = await renderFormHook(() => usePrefilledDraft(provinceLevel, khaoMang.code));
    await waitFor(() =>
      expect(current().draft.office).toEqual({
        code: 'H38',
        name: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
        unitName: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
        type: 'province',
      }),
    );
    expect(api.requestsTo(`/api/v1/offices/${khaoMang.code}`)).toHaveLength(0);
  });

  it('leaves a draft the citizen has started as it is', async () => {
    proxy.consents.profile = grantedConsent();
    storeDraft(birthApplication.code, {
      office: khaoMang,
      answers: { applicant_full_name: 'Lò Văn Sáng' },
      updatedAt: '2026-11-22T01:00:00.000Z',
    });
    await openApp();
    const { current } = await renderFormHook(() => usePrefilledDraft(birthApplication, banXeo.code));
    expect(current().draft.answers).toEqual({ applicant_full_name: 'Lò Văn Sáng' });
    expect(current().draft.office).toEqual(khaoMang);
    expect(api.requestsTo('/api/v1/me')).toHaveLength(0);
    expect(api.requestsTo(`/api/v1/offices/${banXeo.code}`)).toHaveLength(0);
  });

  it('fills in again after the draft is thrown away ("Làm lại từ đầu")', async () => {
    proxy.consents.profile = grantedConsent();
    await openApp();
    const { current } = await renderFormHook(() => usePrefilledDraft(birthApplication, null));
    await waitFor(() => expect(current().draft.answers.applicant_full_name).toBe('Giàng Thị Mỷ'));
    act(() => {
      current().reset();
      current().prefillAgain();
    });
    await waitFor(() => expect(api.requestsTo('/api/v1/me')).toHaveLength(2));
    await waitFor(() => expect(current().draft.answers.applicant_full_name).toBe('Giàng Thị Mỷ'));
  });
});
