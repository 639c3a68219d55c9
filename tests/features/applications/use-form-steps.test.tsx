import { act, waitFor } from '@testing-library/react';
import { useSetRecoilState } from 'recoil';
import { pendingUploadsState } from '@/features/applications/state/use-document-uploads';
import { useFormSteps } from '@/features/applications/state/use-form-steps';
import type { PendingUpload } from '@/features/applications/types';
import { renderFormHook } from './hook-support';
import { banXeo, birthApplication, khaoMang, photo, storeDraft, storedDraft } from './support';

const code = birthApplication.code;

/** The hook, and a way to put a file "still uploading" on the form (what the documents step would do). */
function useStepsWithUploads() {
  const setPending = useSetRecoilState(pendingUploadsState(code));
  return { ...useFormSteps(birthApplication), setPending };
}

const uploading: PendingUpload = {
  localId: 'p1',
  documentCode: 'to-khai',
  name: 'to-khai.jpg',
  size: 40_000,
  status: 'uploading',
  progress: 0.5,
  error: null,
  retryable: true,
  file: photo(),
};

describe('useFormSteps', () => {
  it('gives the steps: office, applicant, the procedure fields three at a time, documents, review', async () => {
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    expect(current().steps.map((step) => step.kind)).toEqual([
      'office',
      'applicant',
      'fields',
      'fields',
      'documents',
      'review',
    ]);
    expect(current().stepIndex).toBe(0);
  });

  it('keeps the citizen on the office step until an office is chosen, then saves it and moves on', async () => {
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    act(() => current().next());
    expect(current().stepIndex).toBe(0);
    expect(current().errors).toEqual({ officeCode: 'Hãy chọn xã, phường nơi nộp hồ sơ' });

    act(() => current().chooseOffice(banXeo));
    expect(current().errors).toEqual({});
    act(() => current().next());
    expect(current().step.kind).toBe('applicant');
    // Saved on the phone as it changes (Zalo nativeStorage).
    await waitFor(() => expect(storedDraft(code)).toMatchObject({ office: banXeo, step: 1 }));
    expect(storedDraft(code)?.updatedAt).not.toBeNull();
  });

  it('checks each answer of the step; a shown error is checked again as the citizen types', async () => {
    storeDraft(code, { step: 1, office: khaoMang });
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    act(() => current().next());
    expect(current().stepIndex).toBe(1);
    expect(current().errors).toEqual({
      applicant_full_name: 'Hãy nhập họ, chữ đệm và tên của bạn',
      applicant_phone: expect.any(String),
      applicant_citizen_id: 'Hãy nhập số CCCD của bạn',
    });

    act(() => current().setAnswer('applicant_full_name', 'Lò Văn Sáng'));
    expect(current().errors.applicant_full_name).toBeUndefined();
    act(() => current().setAnswer('applicant_phone', '0912 345 678'));
    act(() => current().setAnswer('applicant_citizen_id', '010090001234'));
    act(() => current().next());
    expect(current().step).toMatchObject({ kind: 'fields', part: 1, parts: 2 });
    await waitFor(() =>
      expect(storedDraft(code)?.answers).toEqual({
        applicant_full_name: 'Lò Văn Sáng',
        applicant_phone: '0912 345 678',
        applicant_citizen_id: '010090001234',
      }),
    );
  });

  it('keeps a commune answer with its name, for the review', async () => {
    storeDraft(code, { step: 3 });
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    act(() => current().chooseCommune('residence_commune', khaoMang));
    expect(current().draft.answers.residence_commune).toBe('04465');
    expect(current().draft.communeNames).toEqual({ '04465': 'Xã Khao Mang' });
  });

  it('waits for uploads still in progress, then asks for the required documents', async () => {
    storeDraft(code, { step: 4 });
    const { current } = await renderFormHook(useStepsWithUploads);
    act(() => current().setPending([uploading]));
    act(() => current().next());
    expect(current().stepMessage).toBe('Hãy chờ các tệp tải lên xong, hoặc xoá tệp bị lỗi.');

    act(() => current().setPending([]));
    act(() => current().next());
    expect(current().stepMessage).toBeNull();
    expect(Object.keys(current().errors)).toEqual(['to-khai', 'giay-chung-sinh']);
    expect(current().stepIndex).toBe(4);
  });

  it('"Sửa" from the review goes to that step and "Tiếp tục" returns straight to the review', async () => {
    storeDraft(code, { step: 5, answers: { applicant_full_name: 'Lò Văn Sáng' } });
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    act(() => current().edit(0));
    expect(current().stepIndex).toBe(0);
    expect(current().returnToReview).toBe(true);
    act(() => current().next());
    expect(current().step.kind).toBe('review');
    expect(current().returnToReview).toBe(false);
  });

  it('takes errors found at submission to the first step that has one', async () => {
    storeDraft(code, { step: 5 });
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    act(() => current().jumpToErrors({ child_sex: 'Hãy chọn giới tính', residence_commune: 'Hãy chọn xã, phường' }));
    expect(current().step).toMatchObject({ kind: 'fields', part: 1 });
    expect(current().errors).toEqual({ child_sex: 'Hãy chọn giới tính', residence_commune: 'Hãy chọn xã, phường' });
    expect(current().stepMessage).toBe('Có thông tin chưa đúng. Hãy sửa những mục được đánh dấu rồi nộp lại.');
    expect(current().returnToReview).toBe(true);

    act(() => current().clear());
    expect(current().errors).toEqual({});
    expect(current().stepMessage).toBeNull();
    expect(current().returnToReview).toBe(false);
  });

  it('goes back a step without checking the answers', async () => {
    storeDraft(code, { step: 2 });
    const { current } = await renderFormHook(() => useFormSteps(birthApplication));
    act(() => current().back());
    expect(current().step.kind).toBe('applicant');
    expect(current().errors).toEqual({});
  });
});
