export * from './frontier';
export * from './nashBargaining';
export * from './kalaiSmorodinsky';
export * from './rubinstein';
export * from './bilateral';
