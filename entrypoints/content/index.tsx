import { PORTAL_HOSTS } from '@/lib/clouds';

export default defineContentScript({
  matches: PORTAL_HOSTS.map((host) => `https://${host}/*`),
  main() {
    console.log('content');
  },
});
