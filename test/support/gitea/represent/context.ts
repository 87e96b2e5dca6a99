import type { Site } from '../site.js';
import type { GiteaState } from '../state.js';

export interface RepresentContext {
  state: GiteaState;
  site: Site;
  doer: string | null;
}
