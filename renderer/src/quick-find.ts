import { QuickFindSession } from '../../shared/quick-find-session';
import { api } from './api';

/** Quick find's index, kept for the whole session: Search opens without reading every brief again. */
export const quickFind = new QuickFindSession(api);
