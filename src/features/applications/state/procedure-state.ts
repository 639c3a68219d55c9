import { selectorFamily } from 'recoil';
import { getApplicationProcedure } from '../api/get-application-procedure';
import type { ApplicationProcedure } from '../types';

export const applicationProcedureState = selectorFamily<ApplicationProcedure, string>({
  key: 'applications/procedure',
  get: (code) => () => getApplicationProcedure(code),
});
