// The scenes of matches across devices load on first use, like the classroom's:
// only a page served by the game's own server (npm start) ever needs them.
import type Phaser from 'phaser';

export const NET_KEYS = ['Match', 'Lobby', 'LiveClass'] as const;
export const isNetKey = (key: string): boolean => (NET_KEYS as readonly string[]).includes(key);

// eslint-disable-next-line no-restricted-syntax -- a load done once per page: the match scenes' chunk
let loading: Promise<void> | null = null;

export function ensureNetScenes(game: Phaser.Game): Promise<void> {
  loading ??= import('./screens').then(({ NET_SCENES }) => {
    for (const key of NET_KEYS) if (!game.scene.getScene(key)) game.scene.add(key, NET_SCENES[key], false);
  });
  return loading;
}
