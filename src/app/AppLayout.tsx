import { Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { AppHeader } from './AppHeader';
import { MlflowDownBanner } from './MlflowDownBanner';
import { RateLimitNotice } from './RateLimitNotice';

export function AppLayout() {
  // A route's code is loading: show progress rather than a screen that seems frozen.
  const loading = useNavigation().state === 'loading';
  return (
    <div className="app">
      <AppHeader />
      <MlflowDownBanner />
      <RateLimitNotice />
      <div className={loading ? 'route-progress route-progress-active' : 'route-progress'} />
      <main className="app-main">
        <Outlet />
      </main>
      <ScrollRestoration />
    </div>
  );
}
