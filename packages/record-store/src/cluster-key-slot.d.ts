// Types for the slot function ioredis itself uses (the package ships none).
declare module 'cluster-key-slot' {
  export default function calculateSlot(key: string | Buffer): number;
}
