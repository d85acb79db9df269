import { Skeleton } from '@/components/Skeleton';
import { AppHeader } from './AppHeader';

/** The first paint while the opening route's code loads. */
export function AppLoading() {
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <div className="page">
          <Skeleton rows={6} />
        </div>
      </main>
    </div>
  );
}
